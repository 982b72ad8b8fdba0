/* Live tracking: a DynamicCard page. Kustomer gives it the conversation it is shown on as the
   context's customContext (the card's `context` prop); it asks for the customer, fits its height
   to its content and reports on the card's status line. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var STEPS = ['Ordered', 'Packed', 'Shipped', 'Out for delivery'];
  var conversation = null;
  var customerId = null;

  function show(context) {
    conversation = context.customContext || null;
    var order = conversation && conversation.attributes.custom && conversation.attributes.custom.orderNumberStr;
    $('shipment').textContent = order ? 'Order ' + order + ' · in transit' : 'No order on this conversation';
    $('steps').textContent = '';
    STEPS.forEach(function (step, i) {
      var li = document.createElement('li');
      li.textContent = step + (i === 2 ? ' (today)' : '');
      $('steps').appendChild(li);
    });
    customerId = conversation && conversation.relationships && conversation.relationships.customer.data.id;
    Kustomer.resize();  // fit the card to what it shows
    if (!customerId) return;
    Kustomer.request({ url: '/v1/customers/' + customerId }).then(function (customer) {
      Kustomer.updateStatus('info', 'Tracking for ' + (customer.attributes.displayName || customer.attributes.name));
    }, function (err) {
      Kustomer.updateStatus('danger', err.errors[0].detail);
    });
  }

  Kustomer.initialize(function (context) {
    show(context);
    Kustomer.on('context', show);
  });
  $('notify').addEventListener('click', function () {
    Kustomer.handleTriggerToast({ type: 'success', message: 'Tracking link sent' });
  });
  $('timeline').addEventListener('click', function () {
    if (customerId && conversation) Kustomer.openCustomerEvent(customerId, conversation.id);
  });
})();
