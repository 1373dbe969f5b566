// Keyboard shortcuts for reviewers. The pages work without this file; it only saves mouse trips.
// record page: a accept, r reject, j next, k previous, e edit, Esc leave a field
// queue page:  j / k move the selection, Enter opens it, / focuses the name search
/* global document, window */
(function () {
  'use strict';

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  function submit(id) {
    var form = document.getElementById(id);
    if (!form) return;
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link) window.location.assign(link.href);
  }

  function recordKeys(event) {
    switch (event.key) {
      case 'a': submit('accept-form'); break;
      case 'r': submit('reject-form'); break;
      case 'j': follow('next-link'); break;
      case 'k': follow('prev-link'); break;
      case 'e': {
        var first = document.querySelector('#edit-form input:not([type=hidden]), #edit-form select');
        if (first) { first.focus(); first.scrollIntoView({ block: 'center' }); }
        break;
      }
      default: return false;
    }
    return true;
  }

  var selected = -1;
  function queueKeys(event) {
    var rows = document.querySelectorAll('table.records tbody tr');
    if (event.key === '/') {
      var search = document.querySelector('input[name=q]');
      if (search) { var details = search.closest('details'); if (details) details.open = true; search.focus(); }
      return true;
    }
    if (!rows.length) return false;
    if (event.key === 'j' || event.key === 'k') {
      if (selected >= 0 && rows[selected]) rows[selected].classList.remove('selected');
      selected = event.key === 'j' ? Math.min(rows.length - 1, selected + 1) : Math.max(0, selected - 1);
      rows[selected].classList.add('selected');
      rows[selected].scrollIntoView({ block: 'nearest' });
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'o') && selected >= 0) {
      var link = rows[selected].querySelector('a.open');
      if (link) window.location.assign(link.href);
      return true;
    }
    return false;
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    var handled = document.querySelector('[data-record-id]') ? recordKeys(event) : queueKeys(event);
    if (handled) event.preventDefault();
  });
})();
