<div style={{background: 'rgba(255, 255, 255, 0.85)', padding: 8}}>
  <p>Text in a milky card</p>
</div>
