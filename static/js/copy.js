// Copy buttons beside the transfer details, for a phone, where selecting a long account number
// with a finger is hard. Progressive enhancement: without JavaScript there is no button and the
// values stay selectable text. Each value marked data-copy gets a button named after it
// ("Kopiuj numer rachunku"); once copied, the button says so and the status line tells a screen
// reader. The button's words come from the page, in the customer's language.
(function () {
  "use strict";
  var box = document.querySelector("[data-copy-button]");
  var status = document.getElementById("copy-status");
  if (!box || !status) {
    return;
  }

  function copyWithSelection(text) {
    // Browsers without the asynchronous clipboard (or outside a secure context).
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }

  function label(button, words, name) {
    button.textContent = words;
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " " + name;
    button.appendChild(hidden);
  }

  var buttons = [];
  box.querySelectorAll("[data-copy]").forEach(function (value) {
    var name = value.getAttribute("data-copy-name");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--small copy-button";
    label(button, box.getAttribute("data-copy-button"), name);
    button.addEventListener("click", function () {
      copy(value.getAttribute("data-copy")).then(function () {
        buttons.forEach(function (other) {
          label(other.button, box.getAttribute("data-copy-button"), other.name);
        });
        label(button, box.getAttribute("data-copied"), name);
        status.textContent = box.getAttribute("data-copied") + " " + name + ".";
      });
    });
    buttons.push({ button: button, name: name });
    value.insertAdjacentElement("afterend", button);
  });
})();
