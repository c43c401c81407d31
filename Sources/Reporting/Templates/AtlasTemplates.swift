// The Mustache templates of the HTML report (report.html) and the park pages
// (parks/<id>.html). Edit the HTML here; the Swift code only supplies values.
// {{ }} escapes HTML; only pre-rendered SVG (maps, charts) goes through {{{ }}}.
//
// They are Swift string constants, not package resources: a resource bundle must
// sit beside the executable (Bundle.module stops the program when it is missing),
// and a parkatlas binary copied alone must still write its report.

enum AtlasTemplates {
    /// Partial "table": `{{> table}}` inside a section whose context has `table`
    /// = {headers: [{zh, en, num?}], rows: [{cls?, cells: [{text, small?, link?, badge?, low?, num?, nowrap?}]}]}.
    /// Keys a cell leaves out are looked up in the enclosing contexts (Mustache), so no
    /// enclosing context may use cls, text, small, link, badge, low, num or nowrap.
    static let table = #"""
        {{#table}}<div class="table-wrap"><table><thead><tr>{{#headers}}<th{{#num}} class="num"{{/num}}>{{zh}}<br><span class="en">{{en}}</span></th>{{/headers}}</tr></thead><tbody>
        {{#rows}}<tr{{#cls}} class="{{cls}}"{{/cls}}>{{#cells}}<td{{#num}} class="num"{{/num}}>{{#nowrap}}<span class="nowrap">{{/nowrap}}{{#link}}<a href="{{link}}">{{/link}}{{#badge}}<span class="badge {{badge}}">{{/badge}}{{#low}}<span class="low">{{/low}}{{text}}{{#low}}</span>{{/low}}{{#badge}}</span>{{/badge}}{{#link}}</a>{{/link}}{{#small}} <small class="code">{{small}}</small>{{/small}}{{#nowrap}}</span>{{/nowrap}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table></div>{{/table}}
        """#

    /// Partial "head": everything up to <body>; context {title}.
    static let head = #"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        {{> style}}
        </style>
        </head>
        """#

    /// A park page: parks/<id>.html.
    static let park = #"""
        {{> head}}
        <body class="park-page">
        <header><h1>{{name}} <small class="code">{{id}}</small></h1>
        <p>{{levelZh}}园区 · {{districtName}} · {{statusZh}} · <a class="back" href="../report.html">← 全市报告 city report</a>{{#parent}} · 上级园区 parent: <a href="{{file}}">{{name}}</a>{{/parent}}</p>
        {{#hasSubParks}}<p>园中园 sub-parks: {{#subParks}}<a href="{{file}}">{{name}}</a> <small class="code">{{id}}</small> {{/subParks}}</p>{{/hasSubParks}}
        </header>
        <main>
        <section id="map"><h2>园区地图 <span class="en">Park map</span></h2>
        <div class="map-row">
        <figure class="atlas-map park-map">{{{mapSVG}}}<div class="map-info">悬停或点按要素查看属性 Hover or tap a feature for its properties</div></figure>
        <figure class="locator">{{{locatorSVG}}}<figcaption>在全市的位置 Location in the city</figcaption></figure>
        </div>
        </section>
        <section id="positioning"><h2>产业定位与实际 <span class="en">Positioning against reality</span></h2>
        <div class="cards">
        <div class="card"><div class="v">{{capName}}</div><div class="k">定位上限 cap: {{mainCount}} 主导 main / {{featuredCount}} 特色 featured <span class="badge {{capBadge}}">{{capStatus}}</span></div></div>
        <div class="card"><div class="v">{{leadingShare}}</div><div class="k">主导及特色产业产值占比 leading-industry share · 目标 target {{leadingThreshold}} <span class="badge {{leadingBadge}}">{{leadingStatus}}</span></div></div>
        </div>
        <h3>声明的产业 <span class="en">Declared industries</span></h3>
        {{#declaredTable}}{{> table}}{{/declaredTable}}
        <h3>实际结构：按大类 <span class="en">Actual shares by division (output, tax, employees)</span></h3>
        <figure class="chart-wrap">{{{divisionChart}}}</figure>
        <h3>领先大类中的小类 <span class="en">Classes of the leading divisions</span></h3>
        <figure class="chart-wrap">{{{classChart}}}</figure>
        <p class="note">{{positioningNote}}</p>
        </section>
        <section id="land"><h2>土地与集约利用 <span class="en">Land and intensity</span></h2>
        <h3>土地状态 <span class="en">Land by status</span></h3>
        <figure class="chart-wrap">{{{statusChart}}}</figure>
        <h3>集约利用指标 <span class="en">The 12 indicators</span></h3>
        {{#indicatorTable}}{{> table}}{{/indicatorTable}}
        <p class="note">{{nationalNote}}</p>
        <h3>亩均效益等级 <span class="en">Per-mu grades</span></h3>
        {{#gradeTable}}{{> table}}{{/gradeTable}}
        <div class="two">
        <div><h3>产值前十 <span class="en">Top 10 by output</span></h3>{{#topOutput}}{{> table}}{{/topOutput}}</div>
        <div><h3>亩均税收前十 <span class="en">Top 10 by tax per mu</span></h3>{{#topTax}}{{> table}}{{/topTax}}</div>
        </div>
        </section>
        <section id="findings"><h2>检查发现 <span class="en">Findings</span></h2>
        {{^findings}}<p>无 No findings.</p>{{/findings}}
        <ol class="findings">
        {{#findings}}<li value="{{number}}"><span class="badge {{severity}}">{{severityZh}}</span> <b>{{ruleZh}}</b> {{messageZh}}{{#onMap}} <a class="locate" href="#map">↑ 地图上编号 {{number}}</a>{{/onMap}}{{#suggestion}}<br><span class="suggest">建议 suggestion: {{suggestion}}</span>{{/suggestion}}<br><span class="en">{{messageEn}}</span></li>
        {{/findings}}</ol>
        {{#moreFindings}}<p class="note">… {{moreFindings}} more (findings.csv)</p>{{/moreFindings}}
        </section>
        </main>
        <script>
        {{> script}}
        </script>
        </body>
        </html>
        """#

    /// The city report: report.html. Every section's layout is here; `ReportPage` supplies
    /// the figures (numbers already formatted, text plain: the template escapes it).
    static let report = #"""
        {{> head}}

        <body>
        <header><h1>{{title}}</h1>
        <p>{{dataset}} · {{crs}} · parkatlas analyze</p></header>
        <nav>
        <a href="#summary">概要 Summary</a><a href="#concentration">工业向园区集中 Industry in parks</a><a href="#featured">特色园区 Featured parks</a><a href="#parks">园区页 Park pages</a><a href="#maps">地图 Maps</a><a href="#indicators">集约利用指标 Intensity indicators</a><a href="#benefit">亩均效益 Per-mu benefit</a><a href="#findings">检查发现 Findings</a><a href="#clusters">产业集群 Clusters</a><a href="#hotspots">热点分析 Hot spots</a><a href="#agglomeration">产业集聚 Agglomeration</a>{{#evaluation}}<a href="#evaluation">特色园区评估 Evaluation</a>{{/evaluation}}<a href="#glossary">术语 Glossary</a><a href="atlas.html">打印版图集 Print atlas</a></nav>
        <main>
        <section id="summary">
        <h2>概要 <span class="en">Summary</span></h2>
        {{#summary}}{{> summary}}{{/summary}}</section>
        {{#city}}{{> citySections}}{{/city}}
        <section id="maps">
        <h2>地图 <span class="en">Maps</span></h2>
        <p class="note">Drawn in the local metric CRS; the same layers are in the GeoJSON files beside this page.</p>
        {{#maps}}<figure id="map-{{name}}" class="atlas-map">
        {{{svg}}}
        <div class="map-info">悬停或点按要素查看属性 Hover or tap a feature for its properties</div><figcaption>{{mapTitle}} — map_{{name}}.svg</figcaption></figure>
        {{/maps}}
        </section>
        <section id="indicators">
        <h2>集约利用指标 <span class="en">Intensity indicators</span></h2>
        {{#indicators}}
        <p>Per park, level-2 land use, areas ellipsoidal (GRS80). The first row gives the published national figures of China's national-level development zones (rounded; Ministry of Natural Resources bulletins on their intensive land use, 国家级开发区土地集约利用监测统计); values below them are <span class="low">red</span>. — = no denominator.</p>
        <h3>与全国水平对照 <span class="en">Compared with the national figures</span></h3>
        {{#comparedTable}}{{> table}}{{/comparedTable}}
        <p class="note">全国水平 sources: {{#sources}}{{^first}}; {{/first}}{{indicatorZh}} {{figure}} — {{source}}, {{year}}{{/sources}}.</p>
        <h3>其他指标 <span class="en">Other indicators</span></h3>
        {{#otherTable}}{{> table}}{{/otherTable}}
        <p class="note">CSV: stats_classes.csv (per unit and land-use class), per_mu.csv; JSON: stats.json.</p>
        {{/indicators}}
        </section>
        <section id="benefit">
        <h2>亩均效益 <span class="en">Per-mu benefit</span></h2>
        {{^benefit}}<p>No enterprises.</p>
        {{/benefit}}{{#benefit}}<p>{{evaluated}} enterprises evaluated 参评, {{notEvaluated}} not evaluated 未参评. Benchmarks (median) 基准: tax/mu {{taxPerMu}} 万元/亩, revenue/mu {{revenuePerMu}} 万元/亩, revenue/employee {{revenuePerEmployee}} 万元/人.</p>
        {{#gradeTable}}{{> table}}{{/gradeTable}}
        <h3>Top 10 <span class="en">by score</span></h3>
        {{#topTable}}{{> table}}{{/topTable}}
        {{/benefit}}
        </section>
        <section id="findings">
        <h2>检查发现 <span class="en">Findings</span></h2>
        {{^rules}}<p>No findings 无.</p>
        {{/rules}}{{#hasFindings}}<p>Grouped by rule and park; every finding is in findings.csv, check.json and findings.geojson.</p>
        {{/hasFindings}}
        {{#rules}}<details{{#open}} open{{/open}}><summary><b>{{ruleZh}}</b> <span class="en">{{rule}}</span> {{#counts}}{{^first}} {{/first}}<span class="badge {{severity}}">{{count}} {{severity}}</span>{{/counts}}</summary>
        {{#groups}}<h3>{{group}}</h3><ul class="findings">
        {{#items}}<li><span class="badge {{severity}}">{{severityZh}}</span> {{messageZh}}<br><span class="en">{{messageEn}}</span></li>
        {{/items}}</ul>
        {{/groups}}{{#more}}<p class="note">… {{more}} more (findings.csv)</p>
        {{/more}}</details>
        {{/rules}}
        </section>
        <section id="clusters">
        <h2>产业集群 <span class="en">Clusters</span></h2>
        {{#clusters}}
        <p>DBSCAN per industry division (大类), eps {{eps}} m, min_points {{minPoints}}; Clark–Evans nearest-neighbour index on the {{studyArea}} study area; {{clusterCRS}}. {{envelope}}. JSON: cluster.json.</p>
        {{#clusterTable}}{{> table}}{{/clusterTable}}
        {{/clusters}}
        </section>
        <section id="hotspots">
        <h2>热点分析 <span class="en">Hot spots</span></h2>
        {{^hotspots}}<p>No enterprises.</p>
        {{/hotspots}}{{#hotspots}}<p>Getis–Ord Gi* of {{measure}}, distance band {{band}} m, {{entries}} enterprises{{#excluded}}; {{excluded}} excluded (no value){{/excluded}}.</p>
        {{#binTable}}{{> table}}{{/binTable}}
        <p>全局莫兰指数 Global Moran's I = {{moranI}} (E[I] {{moranE}}, z {{moranZ}}, p {{moranP}}).</p>
        <h3>最热企业 <span class="en">Hottest enterprises</span></h3>
        {{#hottestTable}}{{> table}}{{/hottestTable}}
        {{/hotspots}}
        </section>
        <section id="agglomeration">
        <h2>产业集聚 <span class="en">Agglomeration</span></h2>
        {{^agglomeration}}<p>No enterprises.</p>
        {{/agglomeration}}{{#agglomeration}}<p>Industries at division level over parks (+ outside), measure {{measure}}. LQ: location quotient; HHI normalised; γ: Ellison–Glaeser. JSON/CSV: agglomeration.json, agglomeration.csv.</p>
        {{#industryTable}}{{> table}}{{/industryTable}}
        {{/agglomeration}}
        </section>
        {{#evaluation}}
        <section id="evaluation">
        <h2>特色园区评估 <span class="en">Evaluation</span></h2>
        <p>Featured-park scorecard against the policy thresholds, with revenue-per-mu growth over {{previousName}}. Full comparison: compare.json; scorecards: evaluate.json.</p>
        <h3>全市指标变化 <span class="en">City indicators, previous → now</span></h3>
        {{#cityTable}}{{> table}}{{/cityTable}}
        <h3>企业变动 <span class="en">Enterprise movements</span></h3>
        {{#movementTable}}{{> table}}{{/movementTable}}
        <h3>特色园区评分 <span class="en">Featured-park scorecard</span></h3>
        {{^scorecardTable}}<p>No park has a featured_status.</p>
        {{/scorecardTable}}{{#scorecardTable}}{{> table}}{{/scorecardTable}}
        </section>
        {{/evaluation}}
        <footer>
        {{> glossary}}
        </footer>
        </main>
        <script>
        {{> script}}
        </script>
        </body>
        </html>

        """#

    /// The summary section's body (report.html and the print atlas): key figures and park verdicts.
    static let summary = #"""
        <div class="cards">{{#cards}}<div class="card"><div class="v">{{value}}</div><div class="k">{{zh}} <span class="en">{{en}}</span></div></div>{{/cards}}</div>
        {{#leftOut}}<p class="low">{{leftOut}}</p>
        {{/leftOut}}
        <p>{{compliant}} of {{parkCount}} parks compliant 合规; {{attention}} need attention 需关注 (warnings only); {{needsAction}} need action 需整改 (errors). Findings do not change the exit code.</p>
        <h3>园区结论 <span class="en">Park verdicts</span></h3>
        {{#verdictTable}}{{> table}}{{/verdictTable}}
        {{#skippedRules}}<p class="note">Not run (file missing) 未检查: {{skippedRules}}</p>
        {{/skippedRules}}
        """#

    /// The print atlas: atlas.html. The city summary, then one park per printed page
    /// (`article.park-print`, `break-before: page`), its map fitting the page.
    static let atlas = #"""
        {{> head}}
        <body class="atlas-page">
        <header><h1>{{title}}</h1>
        <p>{{dataset}} · 打印版：全市概要，然后每页一个园区 For print: the city summary, then one park per page · <a class="back" href="report.html">← 全市报告 city report</a></p></header>
        <main>
        <section id="summary">
        <h2>概要 <span class="en">Summary</span></h2>
        {{#summary}}{{> summary}}{{/summary}}</section>
        {{#city}}{{> citySections}}{{/city}}
        {{#parks}}<article class="park-print" id="print-{{id}}">
        <h2>{{name}} <small class="code">{{id}}</small></h2>
        <p class="park-meta">{{levelZh}}园区 · {{districtName}} · {{statusZh}}{{#verdict}} · <span class="badge {{verdictBadge}}">{{verdict}}</span>{{/verdict}} · <a href="{{pageFile}}">园区页 park page</a></p>
        <figure class="print-map">{{{mapSVG}}}</figure>
        <div class="cards">
        <div class="card"><div class="v">{{capName}}</div><div class="k">定位上限 cap: {{mainCount}} 主导 main / {{featuredCount}} 特色 featured <span class="badge {{capBadge}}">{{capStatus}}</span></div></div>
        <div class="card"><div class="v">{{leadingShare}}</div><div class="k">主导及特色产业产值占比 leading-industry share · 目标 target {{leadingThreshold}} <span class="badge {{leadingBadge}}">{{leadingStatus}}</span></div></div>
        <div class="card"><div class="v">{{findingCount}}</div><div class="k">检查发现 findings</div></div>
        </div>
        <figure class="chart-wrap">{{{statusChart}}}</figure>
        <ol class="findings">
        {{#printedFindings}}<li value="{{number}}"><span class="badge {{severity}}">{{severityZh}}</span> <b>{{ruleZh}}</b> {{messageZh}}</li>
        {{/printedFindings}}</ol>
        {{#morePrinted}}<p class="note">… {{morePrinted}} more on the park page 其余见园区页</p>
        {{/morePrinted}}
        </article>
        {{/parks}}
        </main>
        </body>
        </html>

        """#

    /// The glossary at the foot of report.html: context {glossary: [{term, termZh, explanation}]}.
    static let glossary = #"""
        <details id="glossary"><summary>术语 <span class="en">Glossary</span></summary>
        <dl>
        {{#glossary}}<dt>{{term}} <span class="en">{{termZh}}</span></dt><dd>{{explanation}}</dd>
        {{/glossary}}
        </dl>
        <p class="note">The same terms, with references: the Glossary of README.md in the ParkAtlas repository.</p>
        </details>
        """#

    /// The city page sections added by the atlas (inside report.html): concentration and the park index.
    static let citySections = #"""
        <section id="concentration"><h2>工业向园区集中 <span class="en">Industry in parks, by county and functional zone</span></h2>
        <p>{{concentrationNote}}</p>
        <figure class="chart-wrap">{{{concentrationChart}}}</figure>
        {{#concentrationTable}}{{> table}}{{/concentrationTable}}
        </section>
        <section id="featured"><h2>特色园区 <span class="en">Featured parks (certified / cultivating)</span></h2>
        {{#featuredTable}}{{> table}}{{/featuredTable}}
        {{^featuredTable}}<p>无 No park has a featured status.</p>{{/featuredTable}}
        <p class="note">{{featuredNote}}</p>
        </section>
        <section id="parks"><h2>园区页 <span class="en">Park pages</span></h2>
        {{#parkTable}}{{> table}}{{/parkTable}}
        </section>
        """#

    /// Print: the city summary, then one park per page, maps fitting the page.
    static let printStyle = """
        @media print {
          @page { size: A4; margin: 12mm; }
          body { background:#fff; font-size:11px; }
          nav, .map-controls, .map-layers, .map-info, a.locate, a.back { display:none !important; }
          header { background:#fff; color:#000; padding:0 0 6px; border-bottom:2px solid #000; }
          section { border:none; padding:0; margin:8px 0; break-inside:auto; }
          main { max-width:none; padding:0; }
          figure svg, .park-map svg { max-height:170mm; width:100%; height:auto; }
          .park-page section#map { break-after:page; }
          .park-print { break-before:page; break-inside:avoid; border:none; padding:0; margin:0; }
          .park-print h2 { margin:0 0 2px; }
          .print-map { margin:4px 0; }
          .print-map svg { width:100%; height:auto; max-height:150mm; border:1px solid #999; }
          .park-print .cards { gap:6px; margin:4px 0; } .park-print .card { padding:4px 8px; min-width:0; flex:1 1 0; }
          .park-print .card .v { font-size:15px; }
          .park-print .chart-wrap svg { width:100%; max-height:32mm; }
          table { font-size:10px; } th { position:static; }
          details { display:block; } details > * { display:block; }
        }
        .map-row { display:flex; gap:12px; align-items:flex-start; flex-wrap:wrap; }
        .park-map { flex:1 1 760px; margin:0; }
        .park-map svg { width:100%; height:auto; border:1px solid var(--line); background:#fff; }
        .locator { flex:0 0 300px; margin:0; } .locator svg { width:300px; height:auto; border:1px solid var(--line); }
        .chart-wrap { margin:6px 0 12px; overflow-x:auto; } .chart-wrap svg { width:auto; max-width:100%; height:auto; border:none; }
        small.code { color:var(--muted); font-size:11px; font-weight:normal; }
        header small.code { color:#dde6f0; }
        header a { color:#fff; }
        .park-print { background:#fff; border:1px solid var(--line); border-radius:6px; padding:16px 22px; margin:18px 0; }
        .print-map svg { max-width:1100px; }
        .park-meta { color:var(--muted); margin:0 0 6px; }
        .two { display:flex; gap:18px; flex-wrap:wrap; } .two > div { flex:1 1 420px; }
        ol.findings li { margin:4px 0; } .suggest { color:#1f6f3f; }
        """
}
