// ParzenPlot: under construction in this session.
