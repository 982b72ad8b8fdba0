<div>
  <p style={{color: 'var(--kv-yellow)', fontSize: 26, fontWeight: 700}}>Large yellow heading</p>
</div>
