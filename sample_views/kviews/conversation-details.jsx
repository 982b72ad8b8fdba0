// The details panel of a conversation (smartbar-details): Row, RowPriority and the
// assignment rows.
<Segment>
  <Row field="orderNumberStr" label="Order" value={_.get(conversation, 'custom.orderNumberStr')} />
  <RowPriority value={conversation.priority} />
  <RowAssignmentUser value={conversation.assignedUsers} />
  <RowAssignmentTeam value={conversation.assignedTeams} />
  <Row field="refundRequestedBool" label="Refund requested" value={_.get(conversation, 'custom.refundRequestedBool')} />
</Segment>
