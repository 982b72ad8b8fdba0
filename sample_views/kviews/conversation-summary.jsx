// An insight card on a conversation (smartbar-card): who handles it and how urgent it is, the
// photos the customer sent, and the returns page of Acme's own site as a Card (Cards SDK).
const photos = _.get(conversation, 'custom.photoUrls', []);

<Segment>
  <RowPriority value={conversation.priority} />
  <RowAssignmentUser value={conversation.assignedUsers} />
  <RowAssignmentTeam value={conversation.assignedTeams} />
  {photos.length > 0 && <Images images={photos} size="small" max={4} />}
  <Card src="https://shop.acme.example/kustomer/returns-card" height={120} title="Returns" context={{ conversationId: conversation.id }} />
</Segment>
