<div>
  <p style={{color: 'black'}}>Black by name</p>
</div>
