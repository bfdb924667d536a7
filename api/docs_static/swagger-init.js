// Starts Swagger UI on /docs. A served file, not an inline script, so the page's
// Content-Security-Policy needs no 'unsafe-inline' (api/docs.py, api/security_headers.py).
window.addEventListener('load', function () {
  var source = document.getElementById('swagger-init').dataset.openapi
  window.ui = SwaggerUIBundle({
    url: source,
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  })
})
