<div>
  <p style={{color: 'rgb(20, 20, 20)'}}>Near black by rgb()</p>
</div>
