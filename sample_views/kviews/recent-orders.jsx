// Recent orders — lodash (_.orderBy, _.take, _.sumBy, _.filter), .map with keys,
// conditional rendering, a user component (components/StatusPill.jsx) and the theme's
// CSS variables in an inline <style>.
const recent = _.take(_.orderBy(orders, ['placedAt'], ['desc']), 4);
const open = _.filter(orders, o => !['delivered', 'cancelled'].includes(o.status));
const spent = _.sumBy(orders, 'total');
const money = n => '$' + n.toFixed(2);

console.log(`showing ${recent.length} of ${orders.length} orders`);
if (open.length > 1) console.warn(`${customer.name} has ${open.length} open orders`);

<Segment>
  <style>{`
    .acme-orders { list-style: none; margin: 4px 0 0; padding: 0; }
    .acme-order { padding: 9px 0; border-top: 1px solid var(--form-border-color); }
    .acme-order-main { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
    .acme-order-main a { font-weight: 600; color: inherit; text-decoration: none; }
    .acme-order-sub { margin-top: 2px; color: var(--font-secondary-color); font-size: 12px; }
    .acme-empty { color: var(--font-secondary-color); text-align: center; padding: 12px 0; }
  `}</style>
  <Grid>
    <Column size="eight"><BasicField label="Orders" value={orders.length} /></Column>
    <Column size="eight"><BasicField label="Total spent" value={money(spent)} /></Column>
  </Grid>
  {recent.length === 0 ? (
    <p className="acme-empty">No orders yet.</p>
  ) : (
    <ul className="acme-orders">
      {recent.map(order => (
        <li key={order.id} className="acme-order">
          <div className="acme-order-main">
            <a href={`https://shop.acme.example/orders/${order.number}`}>#{order.number}</a>
            <StatusPill status={order.status} />
          </div>
          <div className="acme-order-sub">
            {order.items.length} {order.items.length === 1 ? 'item' : 'items'} · {money(order.total)}
            {order.gift && ' · gift'}
            {order.status === 'shipped' && order.eta ? ` · arrives ${order.eta}` : null}
          </div>
        </li>
      ))}
    </ul>
  )}
  {orders.length > recent.length && (
    <BasicRow label="Older orders" value={`${orders.length - recent.length} more`} />
  )}
</Segment>
