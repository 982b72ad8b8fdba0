export default function StatusPill({ status }) {
  const colors = { processing: 'blue', shipped: 'yellow', delivered: 'green', cancelled: 'red' };
  return <span className={`pill pill-${colors[status] || 'grey'}`}>{status}</span>;
}
