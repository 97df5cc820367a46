-- A mix of public pages in both languages for wrk's soak run: each request takes the next path in turn.
local paths = {
  "/en/", "/zh-hans/", "/en/projects/", "/zh-hans/projects/?status=completed", "/en/partners/",
  "/zh-hans/partners/?kind=research-institute", "/en/partners/oecd/", "/zh-hans/mous/", "/en/mous/mou-nistep/",
  "/en/events/", "/zh-hans/events/?when=past", "/zh-hans/events/china-us-innovation-conference/",
  "/en/projects/phd-career-survey/", "/en/search/?q=policy", "/zh-hans/search/?q=%E5%90%88%E4%BD%9C",
  "/sitemap.xml", "/en/events/calendar/",
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["X-Forwarded-Proto"] = "https" })
end
