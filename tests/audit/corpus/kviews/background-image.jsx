<div style={{backgroundImage: 'url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAFUlEQVR4nGP88OEDAzbAhFV00EoAADQGAuBmG04kAAAAAElFTkSuQmCC)', padding: 8}}>
  <p>Text on a light picture</p>
</div>
