<div>
  <p style={{color: '#333'}}>Hard-coded grey text</p>
</div>
