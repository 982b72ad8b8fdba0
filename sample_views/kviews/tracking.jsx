// A DynamicCard embeds a hosted page that talks to Kustomer through the Cards SDK; kview
// frames it from widgets/tracking/ (the src ends in /tracking) and hands it the context as
// customContext. There is no mocks/tracking.json:
// kview generates the conversation (and its customer) for this view.
const order = _.get(conversation, 'custom.orderNumberStr');

<div>
  <Segment>
    <BasicRow label="Order" value={order ? `#${order.replace(/^#/, '')}` : null} />
    <BasicRow label="Status" value={<Pill color={conversation.status === 'open' ? 'green' : 'grey'} text={_.capitalize(conversation.status)} />} />
  </Segment>
  <DynamicCard src="https://cards.acme.example/tracking" context={context.conversation} fillToWidth height={140} />
</div>
