// Customer overview — the basic insight-card components: Segment, BasicRow, Pill,
// a masked phone number (Data Masking) and a ButtonGroup.
const tier = _.get(customer, 'custom.@acmeordLoyaltyTierStr', 'none');
const tierColor = { platinum: 'blue', gold: 'yellow', silver: 'grey' }[tier] || 'grey';
const lifetime = _.get(customer, 'custom.@acmeordLifetimeValueNum', 0);
const money = n => '$' + n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const since = new Date(customer.createdAt);

<Segment>
  <BasicRow label="Name" value={customer.name} />
  <BasicRow label="Email" value={_.get(customer, 'emails[0].email')} />
  <BasicRow label="Phone" value={_.get(customer, 'phones[0].phone')} />
  <BasicRow label="Loyalty tier" value={<Pill color={tierColor} text={_.capitalize(tier)} />} />
  <BasicRow label="Lifetime value" value={money(lifetime)} />
  <BasicRow label="Customer since" value={`${months[since.getUTCMonth()]} ${since.getUTCFullYear()}`} />
  <ButtonGroup align="stretch">
    <Button text="Open in Acme" variant="primary" onClick={() => window.open(`https://shop.acme.example/admin/customers/${customer.externalId}`)} />
    <Button text="Issue credit" />
  </ButtonGroup>
</Segment>
