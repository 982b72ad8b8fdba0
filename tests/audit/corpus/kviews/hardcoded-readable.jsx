<div>
  <p style={{color: '#767676', fontSize: 24}}>Mid grey, large</p>
</div>
