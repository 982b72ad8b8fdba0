// An insights-panel card (smartbar-card) on the customer. Globals: customer, _ (lodash),
// React, and the components in ../components. Colours come from the theme's variables, so
// the card reads well in light and dark.
const orders = _.get(customer, 'custom.orderCountNum', 0);

<Segment>
  <BasicRow label="Customer" value={customer.name} />
  <BasicRow label="Orders" value={orders} />
  <Note text={orders > 0 ? 'A returning customer.' : 'No orders yet.'} />
</Segment>
