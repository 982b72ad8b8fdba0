<div>
  <span style={{color: '#000'}}><svg width="24" height="24" viewBox="0 0 24 24"><path d="M4 4h16v16H4z" fill="currentColor" /></svg></span>
</div>
