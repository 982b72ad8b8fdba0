// The example from Kustomer's KView docs. There is no mocks/loyalty.json, so kview
// generates a customer with these custom attributes, typed by their suffixes.
<Segment>
  <BasicRow label="Lifetime value" value={_.get(customer, 'custom.@acmeordLifetimeValueNum')} />
  <BasicRow label="Loyalty tier" value={_.get(customer, 'custom.@acmeordLoyaltyTierStr', 'none')} />
</Segment>
