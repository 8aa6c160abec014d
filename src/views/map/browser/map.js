// The journey map page's only script (inlined by the build, allowed by its hash in the page's
// Content-Security-Policy): persona tabs, and a card's details in an overlay, built with textContent
// from the JSON the page carries, so no cell text is ever parsed as HTML.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  var tabs = [].slice.call(document.querySelectorAll('[role=tab]'));
  function select(tab, focus) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', on);
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).classList.toggle('active', on);
    });
    if (focus) tab.focus();
  }
  tabs.forEach(function (tab, i) {
    tab.addEventListener('click', function () {
      select(tab, false);
    });
    tab.addEventListener('keydown', function (e) {
      var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  });
  // A link to map.html#p1 opens the second persona.
  var wanted = tabs.filter(function (t) {
    return '#' + t.getAttribute('aria-controls') === location.hash;
  })[0];
  if (tabs.length) select(wanted || tabs[0], false);

  var MARK = { error: '\u2716', warning: '\u25B2', info: 'i' };
  var cache = {};
  var opener = null;
  function el(parent, tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function panelOf(section) {
    return document.getElementById('details-' + section.id);
  }
  function close(panel) {
    panel.hidden = true;
    var was = document.querySelector('[data-i][aria-expanded=true]');
    if (was) was.setAttribute('aria-expanded', 'false');
    if (opener) opener.focus();
    opener = null;
  }
  function show(card) {
    var section = card.closest('.persona');
    var panel = panelOf(section);
    var data = cache[section.id] || (cache[section.id] = JSON.parse(document.getElementById('data-' + section.id).textContent));
    var c = data[+card.getAttribute('data-i')];
    var box = panel.querySelector('.card-details');
    box.textContent = '';
    el(box, 'h3', c.n);
    var row = el(box, 'p', 'Row at ', 'muted');
    el(row, 'span', c.p, 'place');
    var dl = el(box, 'dl');
    c.f.forEach(function (f) {
      el(dl, 'dt', f[0]);
      el(dl, 'dd', f[1]);
    });
    if (c.h) {
      var heard =
        c.h[0] +
        ' interviewee' +
        (c.h[0] === 1 ? '' : 's') +
        (c.h[1] === c.h[0] ? '' : ' (' + c.h[1] + ' gave a feeling)') +
        (c.h[2] === null ? '' : ', mean feeling ' + c.h[2]);
      el(box, 'h4', 'Interviewees said');
      el(box, 'p', heard + ' (interview answers, not the inventory)', 'muted');
      if (c.q.length) {
        var quotes = el(box, 'ul', null, 'quotes');
        c.q.forEach(function (q) {
          var li = el(quotes, 'li');
          el(li, 'q', q[0]);
          var who = [q[1], q[2]].filter(Boolean).join(', ');
          if (who) li.appendChild(document.createTextNode(' (' + who + ') '));
          el(li, 'span', q[3], 'place');
        });
      }
    }
    if (c.x.length) {
      el(box, 'h4', 'Findings');
      var ul = el(box, 'ul');
      c.x.forEach(function (x) {
        var li = el(ul, 'li');
        el(li, 'span', MARK[x[0]], 'badge ' + x[0]).setAttribute('aria-hidden', 'true');
        li.appendChild(document.createTextNode(' ' + x[0] + ': ' + x[1] + ' '));
        el(li, 'span', x[2], 'place');
        el(li, 'span', ' (' + x[3] + ')', 'muted');
      });
    } else el(box, 'p', 'No findings.', 'muted');
    var was = document.querySelector('[data-i][aria-expanded=true]');
    if (was) was.setAttribute('aria-expanded', 'false');
    card.setAttribute('aria-expanded', 'true');
    panel.setAttribute('data-card', card.id || card.getAttribute('data-i'));
    panel.hidden = false;
    opener = card;
  }
  function cardOf(target) {
    return target.closest ? target.closest('[data-i]') : null;
  }
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('.details .close')) return close(e.target.closest('.details'));
    var card = cardOf(e.target);
    if (card) show(card);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      var open = document.querySelector('.details:not([hidden])');
      if (open) close(open);
      return;
    }
    // The overview's chips are SVG groups, not buttons: Enter and Space open them as a button would.
    var card = cardOf(e.target);
    if (card && card.tagName.toLowerCase() === 'g' && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      show(card);
    }
  });
})();
