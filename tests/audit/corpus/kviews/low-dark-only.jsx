<div>
  <p style={{color: 'var(--kv-accent-fill)'}}>Accent fill as text</p>
</div>
