<div style={{position: 'relative', padding: 8}}>
  <p>Under a veil</p>
  <div style={{position: 'absolute', top: 0, left: 0, right: 0, bottom: 0, background: 'rgba(var(--background-modal-overlay-color-rgb), 0.6)'}} />
</div>
