<div style={{color: '#444'}}>
  <p style={{color: 'inherit'}}>Inherited grey</p>
</div>
