// A user component: every capitalized top-level function in components/*.jsx becomes a
// global that views can use (it would win over a built-in component of the same name).
function StatusPill({ status }) {
  const colors = { processing: 'blue', shipped: 'yellow', delivered: 'green', cancelled: 'red' };
  return <Pill color={colors[status] || 'grey'} text={_.startCase(status)} />;
}
