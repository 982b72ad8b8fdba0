/* The order-lookup widget's modal: reads the data its opener gave modal.init. */
(function () {
  'use strict';
  var el = document.getElementById('modal-data');
  Kustomer.initialize(function () {});
  Kustomer.on('modal_initialize', function (d) { el.textContent = 'customer ' + d.modalAdditionalData.customerId; });
  Kustomer.on('modal_show', function (d) { document.body.dataset.shown = d.id; });
  document.getElementById('done').addEventListener('click', function () { Kustomer.close(); });
  document.getElementById('destroy').addEventListener('click', function () { Kustomer.modal.destroy('order-details'); });
})();
