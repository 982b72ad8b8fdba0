<div>
  <a href="#" style={{color: '#0645ad'}}>A blue link</a>
</div>
