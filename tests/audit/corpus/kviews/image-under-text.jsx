<div style={{position: 'relative', padding: 8}}>
  <img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAFUlEQVR4nGM8ceIEAzbAhFV00EoAANcnAmjjOKqVAAAAAElFTkSuQmCC" alt="" style={{position: 'absolute', top: 0, left: 0, width: '100%', height: '100%'}} />
  <p style={{position: 'relative'}}>Text over a picture</p>
</div>
