<div>
  <p style={{color: 'var(--kv-accent)', background: 'var(--background-tertiary-color)', fontSize: 24}}>Large accent heading</p>
</div>
