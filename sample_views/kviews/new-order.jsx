// The create form of an order (create-form): one CreateFormRow per attribute; the suffix of
// `field` picks the input (Num: number, At: date-time, Bool: checkbox, Url: url, Txt: textarea).
<Segment>
  <CreateFormRow field="orderNumberStr" label="Order number" />
  <CreateFormRow field="statusStr" label="Status" value="pending" />
  <CreateFormRow field="placedAt" label="Placed" />
  <CreateFormRow field="totalNum" label="Total" />
  <CreateFormRow field="giftBool" label="Gift order" />
  <CreateFormRow field="notesTxt" label="Notes" />
</Segment>
