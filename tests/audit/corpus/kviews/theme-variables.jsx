<div style={{background: 'var(--background-secondary-color)', padding: 8}}>
  <p style={{color: 'var(--font-secondary-color)'}}>Secondary text</p>
</div>
