// Synergia: a section's answers save themselves a few seconds after typing stops (issue 17).
// Progressive enhancement of the section's form, which works without this script: an answer
// is sent only after the person typed in it, with the version and the digest the page showed
// (the form's b: field; none is "0", no answer yet), to the form's own address, so the server applies the same
// rules as to the form (only what changed is saved; a colleague's newer answer is a conflict).
(function () {
  "use strict";
  var form = document.getElementById("section-form");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var DELAY = 3000;
  var timers = {}, sending = {}, pending = {}, inFlight = 0, held = null, released = false;
  var language = document.documentElement.lang || "en";

  function field(name) { return form.elements.namedItem(name); }

  // What an answer was written over: its b: field, or no answer yet ("0") for a question that has none.
  function base(question) {
    var own = field("b:" + question);
    return own ? own.value : "0";
  }

  function setBase(question, value) {
    var own = field("b:" + question);
    if (!own) {
      own = document.createElement("input");
      own.type = "hidden";
      own.name = "b:" + question;
      form.appendChild(own);
    }
    own.value = value;
  }

  function questionOf(control) {
    if (!control || control.form !== form || !control.name) { return null; }
    var prefix = control.name.slice(0, 2);
    return prefix === "v:" || prefix === "m:" ? control.name.slice(2) : null;
  }

  function say(question, text, kind) {
    var box = document.getElementById("q-" + question);
    if (!box) { return; }
    var note = box.querySelector(".autosave");
    if (!note) {
      note = document.createElement("p");
      note.className = "autosave note";
      note.setAttribute("role", "status");
      box.appendChild(note);
    }
    note.textContent = text;
    note.classList.toggle("error", kind === "error");
  }

  function message(name, values) {
    var text = form.getAttribute("data-" + name) || "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(values[key]); });
    return text;
  }

  function clock(iso) {
    var date = iso ? new Date(iso) : new Date();
    try {
      return date.toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });
    } catch (e) {
      return date.toISOString().slice(11, 16);
    }
  }

  function body(question) {
    var params = new URLSearchParams();
    params.append("_csrf", field("_csrf").value);
    params.append("b:" + question, base(question));
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.name === "v:" + question) {
        params.append(control.name, control.value);
      } else if (control.name === "m:" + question && control.checked) {
        params.append(control.name, control.value);
      }
    });
    return params;
  }

  function settle(question, result) {
    var told = false;
    (result.saved || []).concat(result.conflicts || [], result.errors || []).forEach(function (entry) {
      if (entry.question === question) { told = true; }
    });
    // Nothing to save (typed, then put back as it was): no news.
    if (!told) { say(question, "", "saved"); }
    (result.saved || []).forEach(function (saved) {
      if (saved.question !== question) { return; }
      setBase(question, saved.version + "." + saved.shown);
      say(question, message("saved", { time: clock(result.at) }), "saved");
    });
    (result.conflicts || []).forEach(function (conflict) {
      if (conflict.question === question) { say(question, message("conflict", { author: conflict.author }), "error"); }
    });
    (result.errors || []).forEach(function (error) {
      if (error.question === question) { say(question, message("error", { message: error.message }), "error"); }
    });
  }

  function save(question) {
    delete timers[question];
    if (sending[question]) { pending[question] = true; return; }
    sending[question] = true;
    inFlight += 1;
    say(question, message("saving"), "saving");
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: body(question).toString()
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") !== 0) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (result) {
      settle(question, result);
    }).catch(function () {
      say(question, message("offline"), "error");
    }).then(function () {
      sending[question] = false;
      inFlight -= 1;
      if (held && inFlight === 0) {
        release();
      } else if (pending[question] && !held) {
        delete pending[question];
        schedule(question);
      }
    });
  }

  function schedule(question) {
    clearTimeout(timers[question]);
    timers[question] = setTimeout(function () { save(question); }, DELAY);
  }

  // "120 of 2,000 characters" under a text the format limits, as it is typed.
  function count(control, question) {
    var note = document.getElementById("n-" + question);
    var of = note && note.getAttribute("data-of");
    if (of && of.indexOf("\uE000") >= 0) { note.textContent = of.split("\uE000").join(number(control.value.length)); }
  }

  function number(value) {
    try { return new Intl.NumberFormat(language).format(value); } catch (e) { return String(value); }
  }

  function typed(event) {
    var question = questionOf(event.target);
    if (question) { count(event.target, question); }
    if (question) { schedule(question); }
  }

  document.addEventListener("input", typed);
  document.addEventListener("change", typed);
  // The form's own button sends everything: nothing is left waiting to autosave behind it.
  // The form's button, pressed while an autosave was on its way: sent now, over the versions just saved.
  function release() {
    var submitter = held;
    held = null;
    if (!submitter) { return; }
    released = true;
    if (form.requestSubmit) {
      form.requestSubmit(submitter === true ? undefined : submitter);
      return;
    }
    if (submitter !== true && submitter.name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = submitter.name;
      input.value = submitter.value;
      form.appendChild(input);
    }
    form.submit();
  }

  // Sent while an autosave is on its way, it waits for it (five seconds at most), so it goes over the version that saved.
  form.addEventListener("submit", function (event) {
    Object.keys(timers).forEach(function (question) { clearTimeout(timers[question]); delete timers[question]; });
    pending = {};
    if (inFlight > 0 && !held && !released) {
      event.preventDefault();
      held = event.submitter || true;
      setTimeout(release, 5000);
    }
  });
})();
