// Long work shows where it stands: while a form with data-progress="/api/…/{run}" is being answered, that address
// is asked once a second and the step and percentage are shown in the form's data-progress-box. The form is sent
// by htmx (the page stays) or, without script, as an ordinary POST.
(function () {
  var running = null;

  function stop() {
    if (running) {
      clearInterval(running.timer);
      running.box.hidden = true;
      running = null;
    }
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var url = form.getAttribute && form.getAttribute('data-progress');
    var box = url && document.getElementById(form.getAttribute('data-progress-box'));
    if (!box) {
      return;
    }
    stop();
    var bar = box.querySelector('progress');
    var step = box.querySelector('[data-step]');
    bar.removeAttribute('value');
    step.textContent = 'Đang tải tệp lên…';
    box.hidden = false;
    running = {
      form: form,
      box: box,
      timer: setInterval(function () {
        fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (state) {
            if (!state || !running || state.finishedAt) {
              return;
            }
            bar.value = state.percent;
            step.textContent = state.step + ' (' + state.percent + '%)';
          })
          .catch(function () { });
      }, 1000)
    };
  });

  // A file with faults is answered 400 with the list of faulty rows: show it like any other answer.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var elt = event.detail.requestConfig && event.detail.requestConfig.elt; // the form (detail.elt is the target)
    if (elt && elt.hasAttribute && elt.hasAttribute('data-progress') && event.detail.xhr.status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener('htmx:afterRequest', function (event) {
    if (running && event.detail.elt === running.form) {
      stop();
    }
  });
})();
