<div>
  <p style={{color: '#ffffff'}}>White text</p>
</div>
