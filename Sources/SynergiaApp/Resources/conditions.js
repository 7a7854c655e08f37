// Synergia: a question asked only when an earlier answer enables it (the GBF binary indicator
// questionnaire's "if …, then …") appears as soon as that answer is chosen, and goes away, its
// fields disabled so that the form does not send them, when the answer changes. Progressive
// enhancement: without this script the page shows the questions the saved answers enable, and
// saving the section shows the ones the new answers enable. The server decides what is
// submitted either way (an answer to a question not asked is left out).
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-enabled-when]"));
  if (!boxes.length) { return; }
  var rules = boxes.map(function (box) {
    try { return JSON.parse(box.getAttribute("data-enabled-when")); } catch (e) { return null; }
  });

  // The values a question's controls hold now: a select's choice, the ticked boxes.
  // A question not asked holds none (so what it enables is not asked either).
  function values(question) {
    var box = document.getElementById("q-" + question);
    if (!box || box.hidden) { return []; }
    var chosen = [];
    Array.prototype.forEach.call(box.querySelectorAll("select, input[type=checkbox], input[type=radio]"), function (control) {
      if (control.disabled) { return; }
      if (control.tagName === "SELECT") {
        if (control.value) { chosen.push(control.value); }
      } else if (control.checked) {
        chosen.push(control.value);
      }
    });
    return chosen;
  }

  function holds(condition) {
    return values(condition.question).some(function (value) { return condition.values.indexOf(value) >= 0; });
  }

  // In document order: a condition names an earlier question, decided before it.
  function update() {
    boxes.forEach(function (box, index) {
      var conditions = rules[index];
      if (!conditions) { return; }
      var asked = conditions.some(holds);
      box.hidden = !asked;
      Array.prototype.forEach.call(box.querySelectorAll("input, select, textarea, button"), function (control) {
        control.disabled = !asked;
      });
      // The fields that say what the answer was written over (b:, w:) may sit outside the box (the
      // autosave adds them at the form's end): sent without the value, they would clear the answer.
      var question = box.id.slice(2), form = document.getElementById("section-form");
      if (form) {
        ["b:", "w:"].forEach(function (prefix) {
          var field = form.elements.namedItem(prefix + question);
          if (field) { field.disabled = !asked; }
        });
      }
    });
  }

  document.addEventListener("change", update);
  update();
})();
