/* Shipment tracker: loads in the background (backgroundLoad), follows the widget's open state
   and the agent's customer through the context event, and stops listening when closed. */
(function () {
  'use strict';
  var state = document.getElementById('state');
  function follow(context) {
    var who = context.customer ? context.customer.attributes.displayName : 'no customer';
    state.textContent = (context.widget.isOpen ? 'open' : 'closed') + ' · ' + who;
  }
  Kustomer.initialize(function (context) { follow(context); Kustomer.on('context', follow); });
  window.addEventListener('pagehide', function () { Kustomer.off('context', follow); });
})();
