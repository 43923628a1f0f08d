// "Laad de pagina opnieuw" in the connection notices: a link marked data-reload reloads the page. A file of its own,
// because the content policy runs no inline event handlers.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-reload]') : null;
  if (!link) return;
  event.preventDefault();
  location.reload();
});
