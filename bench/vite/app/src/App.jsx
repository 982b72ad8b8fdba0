import data from './orders.json';
import StatusPill from './StatusPill.jsx';

export default function App() {
  return (
    <section className="card">
      <h2>Recent orders</h2>
      <p className="headline">Orders of {data.customer.name}</p>
      <ul>
        {data.orders.map(order => (
          <li key={order.id}>
            <a href={`https://shop.acme.example/orders/${order.number}`}>#{order.number}</a>{' '}
            <StatusPill status={order.status} /> ${order.total.toFixed(2)}
          </li>
        ))}
      </ul>
    </section>
  );
}
