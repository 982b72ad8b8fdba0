// A component of the app: every capitalized top-level function here is a global of every view.
function Note({ text }) {
  return <p style={{ color: 'var(--font-secondary-color)', margin: '8px 0 0' }}>{text}</p>;
}
