// Recent orders — lodash (_.orderBy, _.take, _.sumBy, _.filter), .map with keys,
// conditional rendering, a user component (components/StatusPill.jsx) and the theme's
// CSS variables in an inline <style>.
const recent = _.take(_.orderBy(orders, ['placedAt'], ['desc']), 4);
const open = _.filter(orders, o => !['delivered', 'cancelled'].includes(o.status));
const spent = _.sumBy(orders, 'total');
const money = n => '$' + n.toFixed(2);

// Interactive in kview serve: a controlled search input filters the orders, "Show all" expands.
function OrderList() {
  const [query, setQuery] = React.useState('');
  const [all, setAll] = React.useState(false);
  const q = query.trim().toLowerCase();
  const matching = q ? _.orderBy(orders, ['placedAt'], ['desc']).filter(o =>
    String(o.number).includes(q) || o.status.includes(q)) : (all ? _.orderBy(orders, ['placedAt'], ['desc']) : recent);
  return (
    <div>
      <input className="acme-search" type="search" placeholder="Search orders" value={query}
        onChange={e => setQuery(e.target.value)} />
      {matching.length === 0 ? (
        <p className="acme-empty">{q ? `No orders match “${query}”.` : 'No orders yet.'}</p>
      ) : (
        <ul className="acme-orders">
          {matching.map(order => (
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
      {!q && orders.length > recent.length && (
        <Button className="acme-more" size="small" variant="subtle"
          text={all ? 'Show fewer' : `Show all (${orders.length - recent.length} more)`} onClick={() => setAll(!all)} />
      )}
    </div>
  );
}

console.log(`showing ${recent.length} of ${orders.length} orders`);
if (open.length > 1) console.warn(`${customer.name} has ${open.length} open orders`);

<Segment>
  <style>{`
    .acme-orders { list-style: none; margin: 4px 0 0; padding: 0; }
    .acme-order { padding: 9px 0; border-top: 1px solid var(--form-border-color); }
    .acme-order-main { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
    .acme-order-main a { font-weight: 600; color: inherit; text-decoration: none; }
    .acme-order-sub { margin-top: 2px; color: var(--font-secondary-color); font-size: 12px; }
    .acme-search { width: 100%; box-sizing: border-box; margin-top: 8px; padding: 4px 8px; font: inherit;
      border: 1px solid var(--form-border-color); border-radius: 4px; background: transparent; color: inherit; }
    .acme-empty { color: var(--font-secondary-color); text-align: center; padding: 12px 0; }
  `}</style>
  <Grid>
    <Column size="eight"><BasicField label="Orders" value={orders.length} /></Column>
    <Column size="eight"><BasicField label="Total spent" value={money(spent)} /></Column>
  </Grid>
  <OrderList />
</Segment>
