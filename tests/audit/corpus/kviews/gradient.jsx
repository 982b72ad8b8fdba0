<div style={{backgroundImage: 'linear-gradient(#f4f4f4, #ffffff)', padding: 8}}>
  <p>Text on a light gradient</p>
</div>
