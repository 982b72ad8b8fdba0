/* Order lookup: a widget that uses every Cards SDK method and event (kview's sample). */
(function () {
  'use strict';
  var customer = null;
  var $ = function (id) { return document.getElementById(id); };

  function show(context) {
    customer = context.customer;
    if (!customer) { Kustomer.updateStatus('info', 'Open a customer to look up orders'); return; }
    $('who').textContent = customer.attributes.displayName + (context.widget && !context.widget.isOpen ? ' (closed)' : '');
    $('name').value = customer.attributes.name || '';
    // the customer as the API has it now (a write made from here shows at once)
    Kustomer.request({ url: '/v1/customers/' + customer.id, method: 'get' }, function (err, data) {
      if (err) { Kustomer.updateStatus('danger', 'Could not read the customer'); return; }
      $('who').textContent = data.attributes.displayName || data.attributes.name;
    });
    Kustomer.request({ url: '/v1/customers/' + customer.id + '/klasses/acme_orders-order' }).then(function (orders) {
      $('orders').textContent = '';
      orders.forEach(function (o) {
        var row = document.createElement('div');
        row.className = 'order';
        row.dataset.id = o.id;
        row.textContent = o.attributes.title + ' · ' + (o.attributes.custom || {}).statusStr;
        $('orders').appendChild(row);
      });
      Kustomer.updateStatus('info', orders.length + ' orders');
      Kustomer.resize();
    });
    Kustomer.command.run('acme_orders.app.getOrders', { args: { customerId: customer.id } })
      .then(function (result) { $('orders').dataset.fromCommand = String((result.responseBody.orders || []).length); })
      .catch(function () { Kustomer.updateStatus('danger', 'Error retrieving orders'); });
  }

  Kustomer.initialize(function (context, config) {
    document.body.dataset.roles = (config && config.userRoles || []).join(' ');
    show(context);
  });
  Kustomer.on('context', show);
  Kustomer.on('modal_hide', function (d) { $('modal-state').textContent = 'modal ' + d.id + ' hidden'; });
  Kustomer.on('modal_close', function (d) { $('modal-state').textContent = 'modal ' + d.id + ' closed'; });

  $('rename').addEventListener('submit', function (event) {
    event.preventDefault();
    Kustomer.request({ url: '/v1/customers/' + customer.id, method: 'put', body: { name: $('name').value } })
      .then(function (data) {
        $('who').textContent = data.attributes.name;
        Kustomer.handleTriggerToast({ type: 'success', message: 'Saved ' + data.attributes.name });
      }, function (err) {
        Kustomer.handleTriggerToast({ type: 'error', message: err.errors[0].detail });
      });
  });
  $('details').addEventListener('click', function () {
    Kustomer.modal.init({ id: 'order-details', url: 'modal.html', title: 'Order details', height: 240,
                          additionalData: { customerId: customer.id } }, function (err) {
      if (!err) Kustomer.modal.show('order-details');
    });
  });
  $('timeline').addEventListener('click', function () {
    var first = document.querySelector('.order');
    if (typeof Kustomer.openCustomerEvent === 'function' && first) Kustomer.openCustomerEvent(customer.id, first.dataset.id);
  });
  $('toast').addEventListener('click', function () {
    Kustomer.handleTriggerToast({ type: 'info', message: 'Tracking link copied' });
  });
  $('grow').addEventListener('click', function () { Kustomer.resize({ height: '600px' }); });
  $('hide').addEventListener('click', function () { Kustomer.close(); });
  Kustomer.on('context', function (context) { if (context.widget && !context.widget.isOpen) return; Kustomer.open(); });
})();
