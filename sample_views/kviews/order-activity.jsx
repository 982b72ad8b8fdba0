// Hooks + KustomerRequest: the first render shows "Loading…"; kview then runs the
// effects and answers the requests from mocks/requests.json, and shows the settled render.
const { useState, useEffect } = React;

function OrderActivity({ customerId }) {
  const [agent, setAgent] = useState(null);
  const [orders, setOrders] = useState(null);
  const [error, setError] = useState(null);
  const [refreshes, setRefreshes] = useState(0);  // Refresh re-runs the effect: the requests again

  useEffect(() => {
    KustomerRequest({ url: '/v1/users/current' })
      .then(res => setAgent(res.data.attributes))
      .catch(() => setAgent({ displayName: 'there' }));
    KustomerRequest({ url: `/v1/customers/${customerId}/klasses/acme_orders-order?sort=-createdAt` }, (err, res) => {
      if (err) {
        setError(_.get(err, 'errors[0].title', 'Request failed'));
        return;
      }
      setOrders(res.data.map(o => ({ id: o.id, ...o.attributes })));
    });
  }, [customerId, refreshes]);

  if (error) {
    return <Segment><BasicRow label="Could not load orders" value={error} /></Segment>;
  }
  if (!orders) {
    return <Segment><p>Loading orders…</p></Segment>;
  }
  const firstName = (agent && agent.displayName ? agent.displayName : 'there').split(' ')[0];
  return (
    <Segment>
      <p style={{ margin: '0 0 8px', color: 'var(--font-secondary-color)' }}>
        Hi {firstName} — {orders.length} orders synced from Acme.
      </p>
      {orders.map(o => (
        <BasicRow key={o.id} label={o.title} value={<Pill color={o.custom.statusStr === 'delivered' ? 'green' : 'blue'} text={o.custom.statusStr} />} />
      ))}
      <ButtonGroup align="right">
        <Button text="Refresh" size="small" variant="subtle" onClick={() => { setOrders(null); setRefreshes(n => n + 1); }} />
      </ButtonGroup>
    </Segment>
  );
}

<OrderActivity customerId={customer.id} />
