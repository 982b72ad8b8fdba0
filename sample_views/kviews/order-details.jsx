// Timeline body of an order KObject (expanded-timeline): Grid/Column layout and typed
// Fields — the attribute suffix picks the format (At date, Num number, Bool yes/no,
// Url link, Txt multi-line) and a masked value shows its masked presentation.
const order = this.kobject;
const c = order.custom;
const statusColor = { processing: 'blue', shipped: 'yellow', delivered: 'green', cancelled: 'red' };
const type = 'kobject.acme_orders-order';

<Segment>
  <Grid>
    <Column size="eight">
      <Field type={type} field="orderNumberStr" label="Order number" value={c.orderNumberStr} />
      <Field type={type} field="placedAt" label="Placed" value={c.placedAt} />
      <Field type={type} field="totalNum" label="Total" value={c.totalNum} />
      <Field type={type} field="giftBool" label="Gift order" value={c.giftBool} />
    </Column>
    <Column size="eight">
      <BasicField label="Status" value={<Pill color={statusColor[c.statusStr]} text={_.startCase(c.statusStr)} />} />
      <Field type={type} field="trackingUrl" label="Tracking" value={c.trackingUrl} />
      <Field type={type} field="shippingAddressStr" label="Shipping address" value={c.shippingAddressStr} />
      <Field type={type} field="notesTxt" label="Delivery notes" value={c.notesTxt} />
    </Column>
  </Grid>
</Segment>
