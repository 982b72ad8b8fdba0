<div style={{background: '#fff', padding: 8}}>
  <p>Text on a white island</p>
</div>
