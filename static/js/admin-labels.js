// The admin's editor: wagtail-modeltranslation writes "Copy content from: zh-hans" above each StreamField in
// English, naming languages by code. After its script has run (on load), the label comes from the catalogue (the
// script tag's data-copy-from) and each language is named by its own name.
(function () {
  const script = document.currentScript;
  const ownNames = { en: "English", "zh-hans": "中文" };
  window.addEventListener("load", function () {
    document.querySelectorAll(".translation-field-copy-wrapper").forEach(function (wrapper) {
      const label = wrapper.firstChild;
      if (label && label.nodeType === Node.TEXT_NODE) {
        label.textContent = script.dataset.copyFrom + ": ";
      }
      wrapper.querySelectorAll(".translation-field-copy").forEach(function (button) {
        button.textContent = ownNames[button.textContent.trim()] || button.textContent;
      });
    });
  });
})();
