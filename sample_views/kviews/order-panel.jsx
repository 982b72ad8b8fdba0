// The details panel of an order (smartbar-details: the panel at the top of the insights panel,
// for a Klass the app defines). Row shows a typed attribute; its suffix picks the format.
<Segment>
  <Row field="statusStr" label="Status" value={_.get(kobject, 'custom.statusStr')} />
  <Row field="placedAt" label="Placed" value={_.get(kobject, 'custom.placedAt')} />
  <Row field="totalNum" label="Total" value={_.get(kobject, 'custom.totalNum')} />
  <Row field="giftBool" label="Gift order" value={_.get(kobject, 'custom.giftBool')} />
  <Row field="trackingUrl" label="Tracking" value={_.get(kobject, 'custom.trackingUrl')} />
</Segment>
