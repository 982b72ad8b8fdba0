<div>
  <p style={{opacity: 0.3}}>Faded text</p>
</div>
