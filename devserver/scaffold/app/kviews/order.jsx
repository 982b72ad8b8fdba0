// The timeline body of an order (expanded-timeline): this.kobject is the order.
const order = this.kobject;
const type = 'kobject.${app}-order';

<Segment>
  <Grid>
    <Column size="eight">
      <Field type={type} field="orderNumberStr" label="Order number" value={order.custom.orderNumberStr} />
      <Field type={type} field="placedAt" label="Placed" value={order.custom.placedAt} />
    </Column>
    <Column size="eight">
      <Field type={type} field="statusStr" label="Status" value={order.custom.statusStr} />
      <Field type={type} field="totalNum" label="Total" value={order.custom.totalNum} />
    </Column>
  </Grid>
</Segment>
