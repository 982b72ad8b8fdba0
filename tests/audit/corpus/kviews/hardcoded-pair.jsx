<div style={{backgroundColor: '#ffffff', padding: 8}}>
  <p style={{color: '#333333'}}>Dark on white in both themes</p>
</div>
