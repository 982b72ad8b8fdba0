<div>
  <p style={{color: 'var(--kv-yellow)'}}>Yellow as text</p>
</div>
